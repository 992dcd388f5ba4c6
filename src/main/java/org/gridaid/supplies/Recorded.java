package org.gridaid.supplies;

import java.util.List;

/**
 * What a command recorded: its movements, first the one that carries the command's idempotency
 * key; {@code replayed} when the same command came before under that key and this answer repeats
 * it.
 */
public record Recorded(List<Movement> movements, boolean replayed) {}
