package io.broadsheet.masthead;

import io.broadsheet.section.SectionDirectory;
import io.broadsheet.system.SiteDates;
import io.broadsheet.system.SiteProperties;
import io.broadsheet.weather.LatestWeather;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the masthead in the model of every page, error pages included. */
@ControllerAdvice
class MastheadAdvice {

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
    Masthead masthead() {
        var today = dates.today();
        return new Masthead(site.name(), dates.longDate(today), today.toString(), weather.current().orElse(null),
                sections.all());
    }
}
