package org.gridaid.shared.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ser.DefaultSerializerProvider;
import org.gridaid.test.Api;
import org.gridaid.test.ApiTestSupport;
import org.gridaid.test.WebappSession;
import org.junit.jupiter.api.Test;

/** Camunda's REST API reads and writes through one mapper, whose serializers are kept between requests. */
class EngineApiObjectMapperTests extends ApiTestSupport {

  final ObjectMapper shared = new EngineApiObjectMapper().getContext(Object.class);

  @Test
  void theEngineApiAndTasklistsApiWriteThroughTheOneMapperAndKeepItsSerializers() {
    Api.as("grid-lile-zhongfu-01").body("{\"maxResults\": 1}").post("/engine-rest/task").then().statusCode(200);
    int afterEngineRest = keptSerializers();
    assertThat(afterEngineRest).as("serializers kept after an /engine-rest answer").isPositive();

    WebappSession.signedIn("tasklist", "grid-lile-zhongfu-01", "demo").hal()
        .get(WebappSession.ENGINE_API + "/task?maxResults=1").then().statusCode(200).contentType("application/hal+json");

    assertThat(keptSerializers())
        .as("Tasklist's HAL answer written through the same mapper").isGreaterThan(afterEngineRest);
    assertThat(new EngineApiObjectMapper().getContext(String.class)).isSameAs(shared);
  }

  private int keptSerializers() {
    return ((DefaultSerializerProvider) shared.getSerializerProviderInstance()).cachedSerializersCount();
  }

  @Test
  void datesStillComeInCamundasFormat() {
    String created = Api.admin().get("/engine-rest/user/demo/profile").then().statusCode(200).extract().asString();
    assertThat(created).isNotBlank();
    String time = Api.admin().get("/engine-rest/deployment?maxResults=1").then().statusCode(200).extract()
        .path("[0].deploymentTime");
    assertThat(time).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}[+-]\\d{4}");
  }
}
