package app.spotter.account;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** {@link AccountPurge} runs on Spring's scheduler: a small idempotent sweep, no job state to keep. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AccountConfiguration {}
