package cn.propertycompliance;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** 物业合规规则服务 — Property Compliance Rules Service. */
@SpringBootApplication
@EnableConfigurationProperties(ComplianceProperties.class)
public class PropertyComplianceApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(PropertyComplianceApplication.class);
        app.addListeners(new ReleaseStartup());
        app.run(args);
    }
}
