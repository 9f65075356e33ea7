package io.github.alertrouter.example.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application: nothing alert-router-specific in code; the starter builds the router from
 * {@code alert-router.yaml}, serves {@code POST /api/v1/alertmanager} and reports
 * {@code alertRouter} in {@code /actuator/health}.
 *
 * <p>Run it with the robot's webhook and signing secret in the environment:
 * {@code DINGTALK_SRE_URL=https://oapi.dingtalk.com/robot/send?access_token=… DINGTALK_SRE_SECRET=SEC…}
 * and point Alertmanager's {@code webhook_configs.url} at {@code http://HOST:8080/api/v1/alertmanager}.
 */
@SpringBootApplication
public class AlertRouterExampleApplication {
  /** Created by Spring. */
  public AlertRouterExampleApplication() {}

  /** Starts the application. */
  public static void main(String[] args) {
    SpringApplication.run(AlertRouterExampleApplication.class, args);
  }
}
