using ResourceApi;

var builder = WebApplication.CreateBuilder(args);

// Default port when neither --urls, ASPNETCORE_URLS nor launchSettings.json chose one
// (Latchkey itself owns the framework default, 5000).
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls("http://localhost:5001");
}

var settings = LatchkeyApiSettings.From(builder.Configuration);
builder.Services.AddLatchkeyJwtBearer(settings).AddLatchkeyIntrospection(settings);
builder.Services.AddScopePolicy(settings.RequiredScope);

var app = builder.Build();

app.UseAuthentication();
app.UseAuthorization();

app.MapGet("/health", () => Results.Text("ok")).AllowAnonymous();

app.MapGet("/me", (HttpContext context) => Results.Json(new
{
    sub = context.User.FindFirst("sub")?.Value,
    client_id = context.User.FindFirst("client_id")?.Value,
    scope = string.Join(' ', ScopePolicy.Scopes(context.User)),
    message = "hello from ResourceApi",
})).RequireAuthorization(ScopePolicy.Name);

app.Run();
