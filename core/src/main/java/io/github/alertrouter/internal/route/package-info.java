/**
 * Implementation details of {@code io.github.alertrouter.route}: label slots and per-slot value
 * ids ({@code LabelSlots}, {@code SlotValues}), the equality index over a list of sibling
 * policies ({@code SiblingIndex}), their rules flattened into an int program
 * ({@code SiblingRules}), and small int/string tables. Internal: not part of the API.
 */
package io.github.alertrouter.internal.route;
