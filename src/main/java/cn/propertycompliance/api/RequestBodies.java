package cn.propertycompliance.api;

import cn.propertycompliance.ComplianceProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.stereotype.Component;

/** Reads a request body up to the configured limit, so an oversized body is refused without buffering it all. */
@Component
class RequestBodies {

    private final int maxBytes;

    RequestBodies(ComplianceProperties props) {
        this.maxBytes = props.api().maxBodyBytes();
    }

    byte[] read(HttpServletRequest request) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            throw new BodyTooLargeException(maxBytes);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(maxBytes + 1);
            if (body.length > maxBytes) {
                throw new BodyTooLargeException(maxBytes);
            }
            return body;
        }
    }
}
