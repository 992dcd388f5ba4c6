package org.gridaid.shared.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;

/** Literal cells answer as FEEL does, and FEEL is asked once per cell and input value. */
class LiteralFeelCacheTests {

  final FeelEngine feel = new ScalaFeelEngineFactory().createInstance();
  final AtomicInteger asked = new AtomicInteger();
  final LiteralFeelCache cache = new LiteralFeelCache(new FeelEngine() {
    @Override
    public <T> T evaluateSimpleExpression(String expression, VariableContext context) {
      asked.incrementAndGet();
      return feel.evaluateSimpleExpression(expression, context);
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext context) {
      asked.incrementAndGet();
      return feel.evaluateSimpleUnaryTests(expression, inputVariable, context);
    }
  });

  static VariableContext input(Object value) {
    return Variables.createVariables().putValue("cellInput", value).asVariableContext();
  }

  @Test
  void literalListsAnswerAsFeelDoesAndAreAskedOncePerInput() {
    String cell = "\"MEDICINE\",\"PERSON_ALONE\"";
    for (int i = 0; i < 3; i++) {
      assertThat(cache.evaluateSimpleUnaryTests(cell, "cellInput", input("MEDICINE"))).isTrue();
      assertThat(cache.evaluateSimpleUnaryTests(cell, "cellInput", input("QUESTION"))).isFalse();
      assertThat(cache.evaluateSimpleUnaryTests("true", "cellInput", input(true))).isTrue();
      assertThat(cache.evaluateSimpleUnaryTests("true", "cellInput", input(false))).isFalse();
      assertThat(cache.evaluateSimpleUnaryTests("3, 4", "cellInput", input(4))).isTrue();
      assertThat((String) cache.evaluateSimpleExpression("\"PT15M\"", input(null))).isEqualTo("PT15M");
    }
    assertThat(asked).hasValue(6);
  }

  @Test
  void cellsWithMoreThanLiteralsAlwaysGoToFeel() {
    assertThat(cache.evaluateSimpleUnaryTests("> 5", "cellInput", input(7))).isTrue();
    assertThat(cache.evaluateSimpleUnaryTests("> 5", "cellInput", input(3))).isFalse();
    assertThat(cache.evaluateSimpleUnaryTests("> 5", "cellInput", input(7))).isTrue();
    assertThat((Object) cache.evaluateSimpleExpression("category", input("x"))).isNull();
    assertThat(asked).hasValue(4);
  }

  @Test
  void theSameLiteralIsNotConfusedAcrossInputTypes() {
    assertThat(cache.evaluateSimpleUnaryTests("\"1\"", "cellInput", input("1"))).isTrue();
    assertThat(cache.evaluateSimpleUnaryTests("\"1\"", "cellInput", input(1))).isFalse();
  }
}
