package io.tumorboard.board.api;

import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** Names the API's authentication in the OpenAPI document: HTTP Basic with a board account. */
@Configuration(proxyBeanMethods = false)
@SecurityScheme(name = BoardApiDocs.BASIC, type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "A board account's user name and password. Writes with HTTP Basic and a JSON body need no CSRF "
                + "token; a browser session needs one (header X-CSRF-TOKEN).")
class BoardApiDocs {

    static final String BASIC = "basic";
}
