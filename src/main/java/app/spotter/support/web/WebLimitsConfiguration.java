package app.spotter.support.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Limits that hold for every request, registered ahead of every other filter (Spring Security's included). */
@Configuration(proxyBeanMethods = false)
class WebLimitsConfiguration {

    @Bean
    FilterRegistrationBean<BodySizeLimit> bodySizeLimit() {
        FilterRegistrationBean<BodySizeLimit> registration = new FilterRegistrationBean<>(new BodySizeLimit());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
