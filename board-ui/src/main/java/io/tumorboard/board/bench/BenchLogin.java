package io.tumorboard.board.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Signs a bench user in through the login form (CSRF token included), as a browser does: one session each. */
final class BenchLogin {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final String username;
    private final String password;

    BenchLogin(String base, String username, String password) {
        this.base = base;
        this.username = username;
        this.password = password;
    }

    /** A client holding a fresh signed-in session in its cookie store. */
    HttpClient signedIn() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String page = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = CSRF.matcher(page);
        if (!token.find()) {
            throw new IllegalStateException("the login page carries no CSRF token");
        }
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(token.group(1));
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 302 || answer.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("bench user could not sign in as " + username);
        }
        return client;
    }

    /** The {@code Cookie} header value of a fresh signed-in session, for a load generator outside this JVM. */
    String sessionCookie() throws IOException, InterruptedException {
        HttpClient client = signedIn();
        CookieManager cookies = (CookieManager) client.cookieHandler().orElseThrow();
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::toString).findFirst()
                .orElseThrow(() -> new IllegalStateException("signed in, but the workbench set no session cookie"));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
