using Latchkey.Protocol.Clients;
using Latchkey.Protocol.Endpoints.Authorize;
using Latchkey.Protocol.Sessions;

namespace Latchkey.Protocol.Tests.Endpoints;

/// <summary>OIDC Core §3.1.2.1 prompt and max_age, and remembered consent.</summary>
public sealed class InteractionPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly LoginSession Session = new("s", "r", "u", Now.AddMinutes(-10), ["pwd"], Now.AddHours(1));

    private static AuthorizeRequest Request(string prompt = "", int? maxAge = null, bool consent = true) => new()
    {
        Client = new Client { Realm = "r", ClientId = "c", ConsentRequired = consent },
        RedirectUri = "https://c/cb", RedirectUriSupplied = true, ResponseType = ResponseTypeSet.Parse("code")!, ResponseMode = "query",
        Scopes = ["openid", "profile"], Prompts = prompt.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(), MaxAge = maxAge,
    };

    private static readonly HashSet<string> All = ["openid", "profile"];

    [Fact]
    public void No_session_means_login() => Assert.Equal(InteractionKind.Login, InteractionPolicy.Decide(Request(), null, All, Now).Kind);

    [Fact]
    public void No_session_with_prompt_none_is_login_required() =>
        Assert.Equal("login_required", InteractionPolicy.Decide(Request("none"), null, All, Now).Error?.Code);

    [Fact]
    public void Session_older_than_max_age_means_login() =>
        Assert.Equal(InteractionKind.Login, InteractionPolicy.Decide(Request(maxAge: 300), Session, All, Now).Kind);

    [Fact]
    public void Session_younger_than_max_age_is_enough() =>
        Assert.Same(InteractionDecision.Ready, InteractionPolicy.Decide(Request(maxAge: 3600), Session, All, Now));

    [Fact]
    public void Prompt_login_forces_login() =>
        Assert.Equal(InteractionKind.Login, InteractionPolicy.Decide(Request("login"), Session, All, Now).Kind);

    [Fact]
    public void Missing_scopes_are_asked_and_only_those()
    {
        var decision = InteractionPolicy.Decide(Request(), Session, new HashSet<string> { "openid" }, Now);
        Assert.Equal(InteractionKind.Consent, decision.Kind);
        Assert.Equal(["profile"], decision.ScopesToConsent!);
    }

    [Fact]
    public void Prompt_consent_asks_even_when_remembered() =>
        Assert.Equal(InteractionKind.Consent, InteractionPolicy.Decide(Request("consent"), Session, All, Now).Kind);

    [Fact]
    public void Prompt_none_without_consent_is_consent_required() =>
        Assert.Equal("consent_required", InteractionPolicy.Decide(Request("none"), Session, new HashSet<string>(), Now).Error?.Code);

    [Fact]
    public void Client_without_consent_requirement_never_asks() =>
        Assert.Same(InteractionDecision.Ready, InteractionPolicy.Decide(Request(consent: false), Session, new HashSet<string>(), Now));
}
