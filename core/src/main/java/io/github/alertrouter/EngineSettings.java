package io.github.alertrouter;

import io.github.alertrouter.store.UsedTokens;
import io.github.alertrouter.binding.BindingService;
import io.github.alertrouter.config.RouterConfig;
import io.github.alertrouter.config.Secret;
import io.github.alertrouter.store.AlertStore;
import io.github.alertrouter.store.EscalationStore;
import io.github.alertrouter.store.Fleet;
import io.github.alertrouter.store.SilenceStore;
import io.github.alertrouter.delivery.Dispatcher;
import io.github.alertrouter.store.NotificationLog;
import io.github.alertrouter.store.HandoffLog;
import io.github.alertrouter.spi.Platforms;
import io.github.alertrouter.time.Scheduler;
import java.time.Duration;

/**
 * What the engine is built from; checked and defaulted by {@code AlertRouter.Builder}.
 *
 * @param config the validated configuration
 * @param platforms the platform modules (every robot's platform is among them)
 * @param scheduler timers and the clock
 * @param dispatcher delivery
 * @param resolveTimeout how long an alert without an end fires after its last update
 * @param alertmanagerResolveTimeout the same for an alert from an Alertmanager webhook
 * @param onClose releases what the builder created (an executor it owns)
 * @param handoffLog which handoffs were announced
 * @param escalationStore escalation state per group
 * @param actionKey signs action links, or {@code null} for messages without them
 * @param usedTokens which action links were used
 * @param bindings who has bound their number, or {@code null} (then nobody has)
 * @param notificationLog what each robot's chat last received from each group
 * @param alertStore the alerts
 * @param silenceStore the silences added at run time
 * @param carryOn whether to carry on with what the stores hold (false when replacing a running router)
 * @param fleet the fleet this router is a member of, or {@code null} when it is alone on its stores
 */
record EngineSettings(
    RouterConfig config, Platforms platforms, Scheduler scheduler, Dispatcher dispatcher, Duration resolveTimeout,
    Duration alertmanagerResolveTimeout,
    Runnable onClose, HandoffLog handoffLog, EscalationStore escalationStore, Secret actionKey,
    UsedTokens usedTokens, BindingService bindings, NotificationLog notificationLog, AlertStore alertStore,
    SilenceStore silenceStore, boolean carryOn, Fleet fleet) {}
