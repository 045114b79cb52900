package io.broadsheet.system;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Thrown for a request parameter that cannot mean anything, such as page 0: answered with 400. */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class BadRequestException extends RuntimeException {

    public BadRequestException(String what) {
        super(what);
    }
}
