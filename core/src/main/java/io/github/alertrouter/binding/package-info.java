/**
 * Mobile-number binding: a contact is @mentioned by mobile only after proving the number is theirs.
 *
 * <p>The flow, like Alibaba Cloud ARMS: an alert card carries a link ({@link
 * io.github.alertrouter.binding.BindingService#issueLink}); whoever follows it enters their mobile
 * number ({@link io.github.alertrouter.binding.BindingService#startVerification}); when the number
 * equals a contact's (after {@link io.github.alertrouter.spi.MobileNumbers normalisation}) a
 * 6-digit code is sent through a {@link io.github.alertrouter.binding.VerificationSender}; entering
 * it ({@link io.github.alertrouter.binding.BindingService#confirm}) stores a {@link
 * io.github.alertrouter.store.Binding} in a {@link io.github.alertrouter.store.BindingStore}.
 * Pure Java: the pages that drive the flow live in a separate handler.
 */
package io.github.alertrouter.binding;
