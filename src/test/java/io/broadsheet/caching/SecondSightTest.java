package io.broadsheet.caching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecondSightTest {

    @Test
    void aKeyIsNewTheFirstTimeAndSeenEveryTimeAfter() {
        SecondSight sight = new SecondSight(1024);

        assertThat(sight.seenBefore("/search?q=kabul")).isFalse();
        assertThat(sight.seenBefore("/search?q=kabul")).isTrue();
        assertThat(sight.seenBefore("/search?q=kabul")).isTrue();
        assertThat(sight.seenBefore(new String("/search?q=kabul"))).as("equal, not the same object").isTrue();
    }

    @Test
    void keysAreToldApart() {
        SecondSight sight = new SecondSight(1024);
        for (int i = 0; i < 500; i++) {
            assertThat(sight.seenBefore("/search?q=word" + i)).as("word %d", i).isFalse();
        }
        int remembered = 0;
        for (int i = 0; i < 500; i++) {
            remembered += sight.seenBefore("/search?q=word" + i) ? 1 : 0;
        }
        // 500 keys in 1,024 slots: some share a slot, and the later one pushed the earlier out
        assertThat(remembered).isBetween(300, 499);
    }

    @Test
    void aKeyPushedOutByOthersIsNewAgain() {
        SecondSight sight = new SecondSight(2);
        sight.seenBefore("/");
        for (int i = 0; i < 100; i++) {
            sight.seenBefore("/sections/s" + i);
        }
        assertThat(sight.seenBefore("/")).isFalse();
        assertThat(sight.seenBefore("/")).isTrue();
    }
}
