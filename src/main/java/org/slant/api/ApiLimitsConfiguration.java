package org.slant.api;

import org.slant.storage.Limits;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the API's body cap ahead of the security filters, so an oversized body costs nothing to refuse. */
@Configuration
class ApiLimitsConfiguration {

    /** Spring Security's filter chain runs at -100 (SecurityProperties.DEFAULT_FILTER_ORDER); this runs before it. */
    static final int ORDER = -110;

    @Bean
    FilterRegistrationBean<ApiBodyLimitFilter> apiBodyLimitFilter(Limits limits) {
        FilterRegistrationBean<ApiBodyLimitFilter> registration = new FilterRegistrationBean<>(new ApiBodyLimitFilter(limits));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(ORDER);
        return registration;
    }
}
