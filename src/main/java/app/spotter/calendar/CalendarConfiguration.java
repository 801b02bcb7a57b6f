package app.spotter.calendar;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    @Bean
    CalendarObjects calendarObjects(Clock clock) {
        return new CalendarObjects(clock);
    }
}
