/**
 * Typed, documented option specs. A plugin declares each option once, as an
 * {@link io.sluice.api.option.OptionSpec}; the runtime uses the specs to validate a pipeline file
 * before Spark starts, to document the plugin ({@code sluice plugins describe}) and to mask
 * secrets, then hands the plugin parsed {@link io.sluice.api.option.Options}.
 */
package io.sluice.api.option;
