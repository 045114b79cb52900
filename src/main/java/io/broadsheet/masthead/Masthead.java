package io.broadsheet.masthead;

import java.util.List;

import io.broadsheet.section.SectionDirectory.SectionLink;
import io.broadsheet.weather.CurrentWeather;

/** The top of every page: the paper's name, today's date, the weather (if any reading exists) and the sections. */
public record Masthead(String siteName, String today, String todayIso, CurrentWeather weather,
        List<SectionLink> sections) {
}
