using WebApp;

var builder = WebApplication.CreateBuilder(args);

// Default port when neither --urls, ASPNETCORE_URLS nor launchSettings.json chose one
// (Latchkey owns 5000, ResourceApi 5001; Latchkey's demo client expects http://localhost:5002/signin-oidc).
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls("http://localhost:5002");
}

if (!LatchkeyWebSettings.TryLoad(builder.Configuration, out var settings, out var error))
{
    Console.Error.WriteLine($"WebApp cannot start: {error}");
    return 1;
}

builder.Services.AddLatchkeyLogin(settings);
builder.Services.AddAuthorization();
builder.Services.AddHttpClient(TokenRefresher.HttpClientName);
builder.Services.AddTransient<TokenRefresher>();
builder.Services.AddHttpClient<ResourceApiClient>(client => client.BaseAddress = settings.ApiBaseUrl);

var app = builder.Build();

app.UseAuthentication();
app.UseAuthorization();
app.MapWebAppEndpoints();

app.Run();
return 0;
