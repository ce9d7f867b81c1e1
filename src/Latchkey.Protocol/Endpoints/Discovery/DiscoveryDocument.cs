using System.Text.Json;
using Latchkey.Protocol.Clients.Assertions;
using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Realms;
using Latchkey.Protocol.Tokens;

namespace Latchkey.Protocol.Endpoints.Discovery;

/// <summary>
/// OIDC Discovery §3 / RFC 8414 §2 metadata. It lists only what is implemented: a value here is a
/// promise the stock clients act on.
/// </summary>
public static class DiscoveryDocument
{
    public static void Write(Utf8JsonWriter w, IssuerContext issuer, IEnumerable<string> grantTypes, IEnumerable<string> scopes)
    {
        var i = issuer.Issuer;
        var grants = grantTypes.ToArray();
        w.WriteStartObject();
        w.WriteString("issuer", i);
        w.WriteString("authorization_endpoint", i + EndpointPaths.Authorize);
        w.WriteString("token_endpoint", i + EndpointPaths.Token);
        w.WriteString("userinfo_endpoint", i + EndpointPaths.UserInfo);
        w.WriteString("jwks_uri", i + EndpointPaths.Jwks);
        w.WriteString("introspection_endpoint", i + EndpointPaths.Introspect);
        w.WriteString("revocation_endpoint", i + EndpointPaths.Revoke);
        w.WriteString("end_session_endpoint", i + EndpointPaths.EndSession);
        w.WriteBoolean("backchannel_logout_supported", true);
        w.WriteBoolean("backchannel_logout_session_supported", true);
        w.WriteBoolean("frontchannel_logout_supported", true);
        w.WriteBoolean("frontchannel_logout_session_supported", true);
        // RFC 8628 §4: only while the device code grant is registered.
        if (grants.Contains(GrantTypes.DeviceCode))
            w.WriteString("device_authorization_endpoint", i + EndpointPaths.DeviceAuthorization);
        // CIBA Core §4: only while the CIBA grant is registered. Push mode is not offered (see BackchannelTokenDeliveryMode).
        if (grants.Contains(GrantTypes.Ciba))
        {
            w.WriteString("backchannel_authentication_endpoint", i + EndpointPaths.BackchannelAuthentication);
            Array(w, "backchannel_token_delivery_modes_supported", [BackchannelTokenDeliveryModes.Poll, BackchannelTokenDeliveryModes.Ping]);
            w.WriteBoolean("backchannel_user_code_parameter_supported", true);
        }
        Array(w, "scopes_supported", scopes);
        Array(w, "response_types_supported", Authorize.ResponseTypeSet.Supported);
        Array(w, "response_modes_supported", [ResponseModes.Query, ResponseModes.Fragment, ResponseModes.FormPost]);
        Array(w, "grant_types_supported", grants);
        Array(w, "subject_types_supported", ["public"]);
        Array(w, "id_token_signing_alg_values_supported", [issuer.Realm.SigningAlgorithm]);
        // OIDC Discovery §3, RFC 8414 §2: every method ClientAuthentication accepts; introspection is for
        // confidential clients only (IntrospectionEndpoint), so not "none" there.
        Array(w, "token_endpoint_auth_methods_supported", ClientAuthMethods.All);
        Array(w, "token_endpoint_auth_signing_alg_values_supported", ClientAssertionAlgorithms.All);
        Array(w, "introspection_endpoint_auth_methods_supported", ClientAuthMethods.All.Where(m => m != ClientAuthMethods.None));
        Array(w, "introspection_endpoint_auth_signing_alg_values_supported", ClientAssertionAlgorithms.All);
        Array(w, "revocation_endpoint_auth_methods_supported", ClientAuthMethods.All);
        Array(w, "revocation_endpoint_auth_signing_alg_values_supported", ClientAssertionAlgorithms.All);
        Array(w, "code_challenge_methods_supported", [CodeChallengeMethods.S256, CodeChallengeMethods.Plain]);
        Array(w, "prompt_values_supported", [Prompts.None, Prompts.Login, Prompts.Consent, Prompts.SelectAccount]);
        Array(w, "claims_supported", [ClaimNames.Subject, ClaimNames.Issuer, ClaimNames.Audience, ClaimNames.Expires,
            ClaimNames.IssuedAt, ClaimNames.AuthTime, ClaimNames.Nonce, ClaimNames.Acr, ClaimNames.Amr, ClaimNames.AuthorizedParty,
            ClaimNames.SessionId, ClaimNames.Name, ClaimNames.GivenName, ClaimNames.FamilyName, ClaimNames.PreferredUsername,
            ClaimNames.Email, ClaimNames.EmailVerified]);
        Array(w, "claim_types_supported", ["normal"]);
        w.WriteBoolean("claims_parameter_supported", false);
        w.WriteBoolean("request_parameter_supported", false);
        w.WriteBoolean("request_uri_parameter_supported", false);
        // RFC 9207 §3: every authorization response carries iss.
        w.WriteBoolean("authorization_response_iss_parameter_supported", true);
        w.WriteEndObject();
    }

    private static void Array(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values) w.WriteStringValue(value);
        w.WriteEndArray();
    }
}
