package org.gridaid.shared.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Remembers what FEEL said about decision-table cells made only of literals ("MEDICINE",
 * "PERSON_ALONE" / true / 3): their answer depends on the cell and the input value alone.
 * The FEEL engine shipped with Camunda 7.24 rebuilds its built-in functions on every
 * evaluation (camunda/feel-scala#1108, #1149), which made triage a third of the CPU of an
 * intake. Anything else, and any other input type, goes to FEEL as before.
 */
final class LiteralFeelCache implements FeelEngine {

  private static final String LITERAL = "(\"[^\"\\\\]*\"|true|false|-?\\d+(\\.\\d+)?)";
  private static final Pattern LITERALS = Pattern.compile("\\s*" + LITERAL + "(\\s*,\\s*" + LITERAL + ")*\\s*");
  static final int MAX_ENTRIES = 10_000;

  private final FeelEngine feel;
  private final Map<String, Boolean> unaryTests = new ConcurrentHashMap<>();
  private final Map<String, Object> literals = new ConcurrentHashMap<>();

  LiteralFeelCache(FeelEngine feel) {
    this.feel = feel;
  }

  static FeelEngineFactory around(FeelEngineFactory factory) {
    return () -> new LiteralFeelCache(factory.createInstance());
  }

  @Override
  public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext context) {
    TypedValue input = context.resolve(inputVariable);
    Object value = input == null ? null : input.getValue();
    if (!isLiteral(expression) || !(value instanceof String || value instanceof Boolean || value instanceof Integer
        || value instanceof Long)) {
      return feel.evaluateSimpleUnaryTests(expression, inputVariable, context);
    }
    String key = expression + '\u0000' + value.getClass().getSimpleName() + ':' + value;
    Boolean known = unaryTests.get(key);
    if (known == null) {
      known = feel.evaluateSimpleUnaryTests(expression, inputVariable, context);
      remember(unaryTests, key, known);
    }
    return known;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T evaluateSimpleExpression(String expression, VariableContext context) {
    if (!isLiteral(expression) || expression.contains(",")) {
      return feel.evaluateSimpleExpression(expression, context);
    }
    Object known = literals.get(expression);
    if (known == null) {
      known = feel.evaluateSimpleExpression(expression, context);
      if (known == null) {
        return null;
      }
      remember(literals, expression, known);
    }
    return (T) known;
  }

  static boolean isLiteral(String expression) {
    return expression != null && expression.length() < 1_000 && LITERALS.matcher(expression).matches();
  }

  private static <V> void remember(Map<String, V> cache, String key, V value) {
    if (cache.size() >= MAX_ENTRIES) {
      cache.clear();
    }
    cache.put(key, value);
  }
}
