package io.broadsheet.sharing;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Every page's default {@code pageMeta}: its own address as canonical URL and the site's description. Error
 * pages and the staff's pages get no canonical URL and ask not to be indexed.
 */
@ControllerAdvice
class PageMetaAdvice {

    private final PageMetas metas;

    PageMetaAdvice(PageMetas metas) {
        this.metas = metas;
    }

    @ModelAttribute("pageMeta")
    PageMeta pageMeta(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean hidden = request.getDispatcherType() == DispatcherType.ERROR || path.equals("/error")
                || path.startsWith("/admin") || path.startsWith("/login");
        return metas.defaults(path, hidden);
    }
}
