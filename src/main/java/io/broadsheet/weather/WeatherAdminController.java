package io.broadsheet.weather;

import java.time.Duration;

import io.broadsheet.system.SiteDates;
import io.broadsheet.weather.WeatherProperties.WeatherProvider;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * /admin/weather: an editor enters the reading by hand, for sites without network ({@code provider=none}) or
 * while the provider is down. EDITOR or ADMIN, by the rule on its paths in the security configuration.
 */
@Controller
@RequestMapping("/admin/weather")
class WeatherAdminController {

    private final LatestWeather latest;
    private final WeatherProperties properties;
    private final SiteDates dates;

    WeatherAdminController(LatestWeather latest, WeatherProperties properties, SiteDates dates) {
        this.latest = latest;
        this.properties = properties;
        this.dates = dates;
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("weatherForm", WeatherForm.startingAt(dates.now(), dates.zone()));
        return page(model);
    }

    @PostMapping
    String save(@Valid @ModelAttribute("weatherForm") WeatherForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        form.check(errors, properties.unit(), dates.zone(), dates.now());
        if (errors.hasErrors()) {
            return page(model);
        }
        latest.record(properties.unit().toCelsius(form.temperatureValue()), form.conditionValue(),
                form.observedAtIn(dates.zone()));
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/weather";
    }

    /** "15 min", "1 h", "90 s" */
    private static String words(Duration duration) {
        if (duration.toSeconds() % 3600 == 0) {
            return duration.toHours() + " h";
        }
        return duration.toSeconds() % 60 == 0 ? duration.toMinutes() + " min" : duration.toSeconds() + " s";
    }

    private String page(Model model) {
        model.addAttribute("conditions", WeatherCondition.values());
        model.addAttribute("unit", properties.unit().symbol());
        model.addAttribute("locationName", properties.locationName());
        model.addAttribute("automatic", properties.provider() != WeatherProvider.NONE);
        model.addAttribute("refresh", words(properties.refresh()));
        model.addAttribute("current", latest.current().orElse(null));
        return "weather/admin";
    }
}
