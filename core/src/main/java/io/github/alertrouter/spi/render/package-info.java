/**
 * Platform-neutral helpers for platform modules: paging a notification into a size limit
 * ({@link io.github.alertrouter.spi.render.Paging}), showing times the same way on every platform
 * ({@link io.github.alertrouter.spi.render.TimeText}), checking robot options with "did you mean"
 * ({@link io.github.alertrouter.spi.render.RobotOptions}), making untrusted text inert
 * ({@link io.github.alertrouter.spi.render.TextSafety}, {@link io.github.alertrouter.spi.render.InertText}
 * and a platform's {@link io.github.alertrouter.spi.render.Escaper}), one alert's escaped facts
 * ({@link io.github.alertrouter.spi.render.AlertFacts}) and redacted, bounded details of a
 * platform's answer ({@link io.github.alertrouter.spi.render.AnswerDetails}), and the webhook
 * client skeleton: sign, post, classify ({@link io.github.alertrouter.spi.render.WebhookClient}),
 * which a platform drives with its {@link io.github.alertrouter.spi.render.WebhookProtocol} (where
 * the answer's code is, how it signs) and its {@link io.github.alertrouter.spi.render.ErrorTable}.
 * For layouts and templates: what every message of a notification shares
 * ({@link io.github.alertrouter.spi.render.NotificationFacts}), what a message that cannot show
 * every alert counts ({@link io.github.alertrouter.spi.render.AlertCounts}) and how it lists them
 * ({@link io.github.alertrouter.spi.render.Look}), one ranking of severity labels
 * ({@link io.github.alertrouter.spi.render.Severity}), the values every platform's templates
 * see ({@link io.github.alertrouter.spi.render.TemplateContext}), and policies' templates compiled,
 * cached and checked ({@link io.github.alertrouter.spi.render.Templates}) in a language behind
 * {@link io.github.alertrouter.spi.render.TemplateEngine} (mustache today). A provider assembled
 * from a platform's parts ({@link io.github.alertrouter.spi.render.AssembledPlatform}), with helpers
 * for what the parts share: a contact's IM id or normalised mobile
 * ({@link io.github.alertrouter.spi.render.ContactIdentities}), full-width look-alike tables
 * ({@link io.github.alertrouter.spi.render.FullWidth}) and writing JSON bodies
 * ({@link io.github.alertrouter.spi.render.JsonBodies}), a platform's byte limit and how a
 * notification is fitted into it ({@link io.github.alertrouter.spi.render.ByteBudget}), the text
 * pieces every layout writes ({@link io.github.alertrouter.spi.render.LayoutText}), the built-in
 * words in the robot's language ({@link io.github.alertrouter.spi.render.Wording}), and the
 * renderer part through which the kit reads a robot's options and owns its templates
 * ({@link io.github.alertrouter.spi.render.MessageRenderer}). Dialect tables, layouts and a
 * platform's own template values stay in the platform modules.
 */
package io.github.alertrouter.spi.render;
