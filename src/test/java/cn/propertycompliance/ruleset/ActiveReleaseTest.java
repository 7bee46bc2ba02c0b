package cn.propertycompliance.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Listeners hear of the first release once it has compiled and of every release activated after it, in order. */
class ActiveReleaseTest {

    @Test
    void listenersHearTheFirstReleaseWhenItCompilesAndEachActivation() {
        CompletableFuture<Release> compiling = new CompletableFuture<>();
        ActiveRelease active = new ActiveRelease(compiling);
        List<Release> heard = new CopyOnWriteArrayList<>();
        active.onActivate(heard::add);
        assertThat(heard).as("nothing before the first release has compiled").isEmpty();

        Release first = mock(Release.class);
        Release second = mock(Release.class);
        compiling.complete(first);
        active.activate(second);

        assertThat(heard).containsExactly(first, second);
        assertThat(active.current()).isSameAs(second);
    }

    @Test
    void aListenerAddedLaterHearsTheReleaseInServiceThen() {
        Release first = mock(Release.class);
        Release second = mock(Release.class);
        ActiveRelease active = new ActiveRelease(first);
        List<Release> early = new CopyOnWriteArrayList<>();
        active.onActivate(early::add);
        active.activate(second);
        List<Release> late = new CopyOnWriteArrayList<>();
        active.onActivate(late::add);

        assertThat(early).containsExactly(first, second);
        assertThat(late).containsExactly(second);
    }
}
