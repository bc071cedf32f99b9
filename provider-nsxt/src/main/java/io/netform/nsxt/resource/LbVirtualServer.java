package io.netform.nsxt.resource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.field.Fields;
import io.netform.nsxt.schema.JsonNodes;
import io.netform.provider.DiagnosticException;
import io.netform.value.AttributePath;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.wire.SchemaAttribute;

/**
 * {@code nsxt_policy_lb_virtual_server}: an address and ports on a load balancer service that
 * spread connections over a pool; HTTPS terminates with {@code client_ssl} (a certificate and an SSL
 * profile) and re-encrypts with {@code server_ssl}. Created and updated with PATCH, deleted with
 * {@code force=true}, as terraform-provider-nsxt does.
 */
final class LbVirtualServer extends PolicyResource {

    /** terraform-provider-nsxt's limit on default_pool_member_ports. */
    private static final int MAX_DEFAULT_PORTS = 14;

    static final Fields<ObjectNode> CLIENT_SSL = Fields.builder(JsonNodes.OBJECTS)
            .add(SchemaAttribute.string("default_certificate_path")
                    .required()
                    .describedAs("The certificate presented to clients without SNI or with an unknown name."))
            .add(SchemaAttribute.string("ssl_profile_path")
                    .optional()
                    .describedAs("The client SSL profile (protocols, ciphers)."))
            .add(
                    SchemaAttribute.of("sni_paths", Type.list(Type.STRING))
                            .optional()
                            .describedAs("Certificates chosen by the host name the client asks for."),
                    "sni_certificate_paths")
            .add(SchemaAttribute.string("client_auth")
                    .withDefault(Value.string("IGNORE"))
                    .describedAs("REQUIRED or IGNORE."))
            .add(
                    SchemaAttribute.of("ca_paths", Type.list(Type.STRING))
                            .optional()
                            .describedAs("CAs a client certificate must be signed by, with client_auth REQUIRED."),
                    "client_auth_ca_paths")
            .add(
                    SchemaAttribute.of("crl_paths", Type.list(Type.STRING))
                            .optional()
                            .describedAs("Revocation lists for client certificates."),
                    "client_auth_crl_paths")
            .add(SchemaAttribute.number("certificate_chain_depth").withDefault(Value.number(3)))
            .build();

    static final Fields<ObjectNode> SERVER_SSL = Fields.builder(JsonNodes.OBJECTS)
            .add(SchemaAttribute.string("server_auth")
                    .withDefault(Value.string("AUTO_APPLY"))
                    .describedAs("REQUIRED, IGNORE or AUTO_APPLY."))
            .add(SchemaAttribute.string("client_certificate_path")
                    .optional()
                    .describedAs("The certificate the load balancer presents to servers."))
            .add(SchemaAttribute.number("certificate_chain_depth").withDefault(Value.number(3)))
            .add(
                    SchemaAttribute.of("ca_paths", Type.list(Type.STRING))
                            .optional()
                            .describedAs("CAs a server certificate must be signed by, with server_auth REQUIRED."),
                    "server_auth_ca_paths")
            .add(
                    SchemaAttribute.of("crl_paths", Type.list(Type.STRING))
                            .optional()
                            .describedAs("Revocation lists for server certificates."),
                    "server_auth_crl_paths")
            .add(SchemaAttribute.string("ssl_profile_path").optional().describedAs("The server SSL profile."))
            .build();

    static final Fields<ObjectNode> ACCESS_LIST = Fields.builder(JsonNodes.OBJECTS)
            .add(SchemaAttribute.string("action").required().describedAs("ALLOW or DROP connections from the group."))
            .add(SchemaAttribute.bool("enabled").withDefault(Value.TRUE))
            .add(SchemaAttribute.string("group_path").required().describedAs("The group of client addresses."))
            .build();

    static final Fields<ObjectNode> FIELDS = CommonFields.builder()
            .add(SchemaAttribute.string("ip_address").required().describedAs("The virtual IP address."))
            .add(SchemaAttribute.of("ports", Type.list(Type.STRING))
                    .required()
                    .describedAs("The ports or port ranges (e.g. \"80\", \"8000-8010\") clients connect to."))
            .add(
                    SchemaAttribute.string("service_path")
                            .optional()
                            .describedAs("The load balancer service it runs on."),
                    "lb_service_path")
            .add(SchemaAttribute.string("pool_path").optional().describedAs("The pool connections go to."))
            .add(SchemaAttribute.string("application_profile_path")
                    .required()
                    .describedAs("The application profile: HTTP, fast TCP or fast UDP."))
            .add(
                    SchemaAttribute.string("persistence_profile_path")
                            .optional()
                            .describedAs("Sends related client connections to the same server."),
                    "lb_persistence_profile_path")
            .add(SchemaAttribute.string("sorry_pool_path")
                    .optional()
                    .describedAs("The pool that answers when the default pool cannot."))
            .add(SchemaAttribute.of("default_pool_member_ports", Type.list(Type.STRING))
                    .optional()
                    .describedAs("Member ports for members that have none (at most 14)."))
            .add(SchemaAttribute.bool("enabled").withDefault(Value.TRUE))
            .add(SchemaAttribute.bool("access_log_enabled").withDefault(Value.FALSE))
            .add(SchemaAttribute.bool("log_significant_event_only").withDefault(Value.FALSE))
            .add(SchemaAttribute.number("max_concurrent_connections").optional())
            .add(SchemaAttribute.number("max_new_connection_rate").optional())
            .oneObject("client_ssl", CLIENT_SSL, "client_ssl_profile_binding")
            .oneObject("server_ssl", SERVER_SSL, "server_ssl_profile_binding")
            .oneObject("access_list_control", ACCESS_LIST, "access_list_control")
            .build();

    LbVirtualServer(ResourceContext context) {
        super(
                PolicyObject.of(
                                "nsxt_policy_lb_virtual_server",
                                "A load balancer virtual server (VIP and ports).",
                                "LBVirtualServer",
                                "/infra/lb-virtual-servers/{id}",
                                FIELDS)
                        .deletedWith(LbService.FORCE),
                context);
    }

    @Override
    public void validate(Value config) {
        Value ports = config.getAttr("default_pool_member_ports");
        if (!ports.isNull() && ports.isKnown() && ports.length() > MAX_DEFAULT_PORTS) {
            throw new DiagnosticException(
                    "Too many default pool member ports",
                    "default_pool_member_ports has " + ports.length() + " entries; at most " + MAX_DEFAULT_PORTS
                            + " are allowed.",
                    AttributePath.of("default_pool_member_ports"));
        }
    }
}
