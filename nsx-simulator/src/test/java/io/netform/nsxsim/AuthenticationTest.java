package io.netform.nsxsim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Basic credentials on each call, or a session cookie with its XSRF token. */
class AuthenticationTest extends SimulatorTestBase {

    @Test
    void wrongOrMissingCredentialsAre403() {
        NsxTestClient wrong = new NsxTestClient(simulator.baseUrl(), simulator.certificatePem(), "admin", "nope");
        NsxTestClient.Reply reply = wrong.get("/infra/tier-0s/T0");
        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.errorCode()).isEqualTo("403");
        assertThat(reply.json().path("httpStatus").asText()).isEqualTo("FORBIDDEN");
        NsxTestClient anonymous = new NsxTestClient(simulator.baseUrl(), simulator.certificatePem(), null, null);
        assertThat(anonymous.get("/infra/tier-0s/T0").status()).isEqualTo(403);
        assertThat(nsx.get("/infra/tier-0s/T0").status()).isEqualTo(200);
    }

    @Test
    void remoteAuthorizationHeaderIsAcceptedLikeBasic() {
        String basic = "YWRtaW46Vk13YXJlMSFWTXdhcmUxIQ==";
        NsxTestClient remote = new NsxTestClient(simulator.baseUrl(), simulator.certificatePem(), null, null)
                .header("Authorization", "Remote " + basic);
        assertThat(remote.get("/infra/tier-0s/T0").status()).isEqualTo(200);
    }

    @Test
    void sessionCookieWithXsrfTokenAuthenticates() {
        NsxTestClient client = new NsxTestClient(simulator.baseUrl(), simulator.certificatePem(), null, null);
        NsxTestClient.Reply login = client.send(
                "POST",
                "/api/session/create",
                "j_username=admin&j_password=VMware1%21VMware1%21",
                "application/x-www-form-urlencoded");
        assertThat(login.status()).isEqualTo(200);
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String token = login.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
        assertThat(cookie).startsWith("JSESSIONID=");

        client.header("Cookie", cookie);
        assertThat(client.get("/infra/tier-0s/T0").errorCode()).isEqualTo("98");
        client.header("X-XSRF-TOKEN", "forged");
        assertThat(client.get("/infra/tier-0s/T0").status()).isEqualTo(403);
        client.header("X-XSRF-TOKEN", token);
        assertThat(client.patch("/infra/tier-1s/by-session", "{}").status()).isEqualTo(204);
        assertThat(client.get("/infra/tier-1s/by-session")
                        .json()
                        .path("_create_user")
                        .asText())
                .isEqualTo("admin");

        assertThat(client.send("POST", "/api/session/destroy", null).status()).isEqualTo(200);
        assertThat(client.get("/infra/tier-0s/T0").status()).isEqualTo(403);
    }

    @Test
    void sessionWithWrongPasswordIsRefused() {
        NsxTestClient client = new NsxTestClient(simulator.baseUrl(), simulator.certificatePem(), null, null);
        NsxTestClient.Reply login = client.send(
                "POST", "/api/session/create", "j_username=admin&j_password=x", "application/x-www-form-urlencoded");
        assertThat(login.status()).isEqualTo(403);
        assertThat(login.headers().firstValue("X-XSRF-TOKEN")).isEmpty();
    }
}
