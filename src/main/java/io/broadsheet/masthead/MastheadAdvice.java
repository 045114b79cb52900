package io.broadsheet.masthead;

import io.broadsheet.section.SectionDirectory;
import io.broadsheet.system.DatabaseOutage;
import io.broadsheet.system.SiteDates;
import io.broadsheet.system.SiteProperties;
import io.broadsheet.weather.LatestWeather;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the masthead in the model of every page, error pages included. An error page must show whatever went
 * wrong, so its masthead never fails: when the database is down it shows only what is held in memory (the
 * weather and sections may be missing), and it does not wait for the database a second time.
 */
@ControllerAdvice
class MastheadAdvice {

    private static final Logger log = LoggerFactory.getLogger(MastheadAdvice.class);

    private final SiteProperties site;
    private final SiteDates dates;
    private final LatestWeather weather;
    private final SectionDirectory sections;

    MastheadAdvice(SiteProperties site, SiteDates dates, LatestWeather weather, SectionDirectory sections) {
        this.site = site;
        this.dates = dates;
        this.weather = weather;
        this.sections = sections;
    }

    @ModelAttribute("masthead")
    Masthead masthead(HttpServletRequest request) {
        if (DatabaseOutage.isBehind(request)) {
            return held();
        }
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            try {
                return current();
            } catch (RuntimeException failure) {
                log.debug("Error page shown with the held masthead", failure);
                return held();
            }
        }
        return current();
    }

    private Masthead current() {
        var today = dates.today();
        return new Masthead(site.name(), dates.longDate(today), today.toString(), weather.current().orElse(null),
                sections.all());
    }

    private Masthead held() {
        var today = dates.today();
        return new Masthead(site.name(), dates.longDate(today), today.toString(), weather.held().orElse(null),
                sections.held());
    }
}
