using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using RfmGraph.Platform.Security;
using RfmGraph.Platform.Tenancy;
using RfmGraph.Sales.Contracts;

namespace RfmGraph.Host.Auth;

/// <summary>
/// One scheme for both kinds of credentials: <c>Authorization: Bearer &lt;jwt&gt;</c>, and API keys
/// (<c>X-Api-Key: &lt;key&gt;</c> or <c>Authorization: ApiKey &lt;key&gt;</c>). On success the request's
/// business is resolved once and bound to the scoped <see cref="TenantContext"/>.
/// </summary>
internal sealed class RfmAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    JwtValidator jwt,
    ApiKeyStore apiKeys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "RfmGraph";
    public const string ApiKeyHeader = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var apiKey = Request.Headers[ApiKeyHeader].ToString();
        var authorization = Request.Headers[HeaderNames.Authorization].ToString();
        if (string.IsNullOrEmpty(apiKey) && TryScheme(authorization, "ApiKey", out var fromAuthorization))
        {
            apiKey = fromAuthorization;
        }

        if (!string.IsNullOrEmpty(apiKey))
        {
            return await AuthenticateApiKeyAsync(apiKey.Trim());
        }

        if (TryScheme(authorization, "Bearer", out var token))
        {
            return await AuthenticateBearerAsync(token);
        }

        return AuthenticateResult.NoResult();
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.Append(HeaderNames.WWWAuthenticate, "Bearer");
        Response.Headers.Append(HeaderNames.WWWAuthenticate, "ApiKey");
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message;
        await Response.WriteAsJsonAsync(new { error = "unauthorized", message = failure ?? "Credentials required: a bearer token or an API key." });
    }

    private async Task<AuthenticateResult> AuthenticateApiKeyAsync(string presented)
    {
        var identity = await apiKeys.VerifyAsync(presented, Context.RequestAborted);
        if (identity is null)
        {
            return AuthenticateResult.Fail("The API key is not valid or has been revoked.");
        }

        if (!RfmRoles.IsKnown(identity.Role))
        {
            // A key created before roles were checked: it must be replaced, not guessed at.
            return AuthenticateResult.Fail($"The API key's role {RfmRoles.Unknown(identity.Role)} Create a new key.");
        }

        return Success(identity.BusinessId, identity.BusinessKey, identity.Role, $"apikey:{identity.Prefix}", "apikey");
    }

    private async Task<AuthenticateResult> AuthenticateBearerAsync(string token)
    {
        var (identity, failure) = await jwt.ValidateAsync(token);
        if (identity is null)
        {
            return AuthenticateResult.Fail(failure!);
        }

        var businessKey = identity.FindFirst(RfmClaims.Business)?.Value;
        var role = identity.FindFirst(RfmClaims.Role)?.Value;
        if (string.IsNullOrWhiteSpace(businessKey) || string.IsNullOrWhiteSpace(role))
        {
            return AuthenticateResult.Fail("The token must carry 'business' and 'role' claims.");
        }

        if (!RfmRoles.IsKnown(role))
        {
            return AuthenticateResult.Fail($"The token's role {RfmRoles.Unknown(role)}");
        }

        var directory = Context.RequestServices.GetRequiredService<IBusinessDirectory>();
        var business = await directory.FindByKeyAsync(businessKey, Context.RequestAborted);
        if (business is null)
        {
            // Same answer as a bad token: the caller learns nothing about which businesses exist.
            return AuthenticateResult.Fail("The token is not valid.");
        }

        return Success(business.Id, business.Key, role, identity.FindFirst(RfmClaims.Subject)?.Value ?? "unknown", "jwt");
    }

    private AuthenticateResult Success(long businessId, string businessKey, string role, string subject, string method)
    {
        Context.RequestServices.GetRequiredService<TenantContext>().Set(businessId, businessKey);
        var identity = new ClaimsIdentity(
            [
                new Claim(RfmClaims.Subject, subject),
                new Claim(RfmClaims.Business, businessKey),
                new Claim(RfmClaims.BusinessId, businessId.ToString(CultureInfo.InvariantCulture)),
                new Claim(RfmClaims.Role, role),
                new Claim(RfmClaims.Method, method),
            ],
            SchemeName,
            RfmClaims.Subject,
            RfmClaims.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    private static bool TryScheme(string header, string scheme, out string value)
    {
        value = string.Empty;
        if (header.Length <= scheme.Length + 1 || !header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) || header[scheme.Length] != ' ')
        {
            return false;
        }

        value = header[(scheme.Length + 1)..].Trim();
        return value.Length > 0;
    }
}
