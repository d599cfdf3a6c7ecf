/**
 * Shardway's configuration: a YAML file bound to plain immutable records.
 *
 * <p>{@link io.shardway.config.ConfigLoader} is the entry point. It composes the file with
 * SnakeYAML's node API (not its object constructor) so that every value keeps its line and column,
 * substitutes {@code ${VAR}} references from the environment, and validates the whole document
 * before returning a {@link io.shardway.config.ShardwayConfig}. A file with mistakes yields one
 * {@link io.shardway.config.ConfigException} that lists all of them, each as {@code
 * file:line:column: key.path: message}, so an operator fixes a file in one pass instead of one
 * error per restart.
 *
 * <p>Binding is done by package-private binder classes that walk the nodes along a key path; the
 * records themselves know nothing about YAML.
 */
package io.shardway.config;
