package io.broadsheet.weather;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.QueueDispatcher;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A local stand-in for Open-Meteo (OkHttp's MockWebServer), one for the test run. As a context initializer it
 * points {@code broadsheet.weather.base-url} at itself, with a one-second timeout so that a "slow provider" test
 * takes one second. Tests queue its answers, and may stop it and start it again on the same port.
 */
public class FakeOpenMeteo implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final Duration TIMEOUT = Duration.ofSeconds(1);

    private static MockWebServer server;
    private static int port;
    private static boolean running;

    /** Each reading a test makes is observed a minute after the previous one, so the newest is the test's own. */
    private static final AtomicInteger minutes = new AtomicInteger();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                "broadsheet.weather.base-url=http://localhost:" + start(),
                "broadsheet.weather.timeout=" + TIMEOUT.toMillis() + "ms").applyTo(context);
    }

    static synchronized int start() {
        // After a stop, the port can stay taken for a moment by connections the client has not yet seen closed.
        for (int attempt = 1; !running; attempt++) {
            try {
                server = new MockWebServer();
                server.start(port);
                port = server.getPort();
                running = true;
            } catch (BindException e) {
                if (attempt == 100) {
                    throw new IllegalStateException("port " + port + " stayed in use", e);
                }
                sleep(100);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return port;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static synchronized MockWebServer server() {
        start();
        return server;
    }

    /** Forget queued answers and recorded requests from earlier tests. */
    static void reset() throws InterruptedException {
        MockWebServer fake = server();
        fake.setDispatcher(new QueueDispatcher());
        while (fake.takeRequest(1, TimeUnit.MILLISECONDS) != null) {
            // drained
        }
    }

    /** Closes the port: the provider is gone, as with no network. */
    static synchronized void stop() {
        server.close();
        running = false;
    }

    /** A time after every reading stored so far, and after the seeded one. */
    static Instant nextObservationTime() {
        return Instant.parse("2023-11-29T07:00:00Z").plus(Duration.ofMinutes(minutes.incrementAndGet()));
    }

    static void answer(MockResponse response) {
        server().enqueue(response);
    }

    static void answerReading(String temperature, int weatherCode, Instant observedAt) {
        answer(json(200, readingJson(temperature, "°C", weatherCode, observedAt)));
    }

    static MockResponse json(int status, String body) {
        return response().code(status).addHeader("Content-Type", "application/json").body(body).build();
    }

    /**
     * An answer that closes its connection: no idle connection outlives a {@link #stop()}, so the same port can
     * be bound again at once.
     */
    static MockResponse.Builder response() {
        return new MockResponse.Builder().addHeader("Connection", "close");
    }

    /** An answer shaped like Open-Meteo's, for times given in GMT as it gives them by default. */
    static String readingJson(String temperature, String unit, int weatherCode, Instant observedAt) {
        String time = observedAt.atOffset(ZoneOffset.UTC).toLocalDateTime().toString();
        return """
                {"latitude":34.5,"longitude":69.125,"generationtime_ms":0.03,"utc_offset_seconds":0,"timezone":"GMT",
                 "timezone_abbreviation":"GMT","elevation":1791.0,
                 "current_units":{"time":"iso8601","interval":"seconds","temperature_2m":"%s","weather_code":"wmo code"},
                 "current":{"time":"%s","interval":900,"temperature_2m":%s,"weather_code":%d}}"""
                .formatted(unit, time, temperature, weatherCode);
    }
}
