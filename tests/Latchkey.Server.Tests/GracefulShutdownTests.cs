using System.Net;
using System.Text;
using System.Text.Json;
using Latchkey.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Latchkey.Server.Tests;

/// <summary>Stopping the host lets the request in flight finish and refuses new connections (docs/production.md#graceful-shutdown).</summary>
public sealed class GracefulShutdownTests
{
    [Fact]
    public async Task A_request_in_flight_when_shutdown_begins_gets_its_tokens_and_new_connections_are_refused()
    {
        var directory = Path.Combine(Path.GetTempPath(), "latchkey-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var import = Path.Combine(directory, "import.json");
        await File.WriteAllTextAsync(import, TestRealm.ImportJson);
        var errors = new ServerErrorLog();
        var app = LatchkeyHost.Build(
            ["--urls=http://127.0.0.1:0", $"--Latchkey:DataDirectory={directory}", "--Latchkey:DemoRealm=", "--Latchkey:ShutdownTimeoutSeconds=20",
             "--Logging:LogLevel:Default=Warning"],
            services => services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(errors));
        try
        {
            await LatchkeyHost.InitializeAsync(app, import, TextWriter.Null, CancellationToken.None);
            await app.StartAsync();
            var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

            using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
            var body = new HalfSentForm("grant_type=client_credentials", "&scope=api");
            using var request = new HttpRequestMessage(HttpMethod.Post, "/realms/test/token") { Content = body };
            request.Headers.Authorization = OAuthTestClient.Basic("service", TestRealm.WebSecret);
            var answer = http.SendAsync(request);
            await body.FirstHalfSent.WaitAsync(TimeSpan.FromSeconds(10));
            await Task.Delay(200);

            var stopping = app.StopAsync();
            await Task.Delay(300);
            Assert.False(stopping.IsCompleted, "the host waits for the request in flight");
            using (var latecomer = new HttpClient { BaseAddress = new Uri(baseUrl) })
                await Assert.ThrowsAsync<HttpRequestException>(() => latecomer.GetAsync("/health/live"));

            body.SendRest();
            var response = await answer.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.TryGetProperty("access_token", out _));
            await stopping.WaitAsync(TimeSpan.FromSeconds(15));
            Assert.Empty(errors.Errors);
        }
        finally
        {
            await app.DisposeAsync();
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>A form body that stops after its first half until told to send the rest: a request held in flight.</summary>
    private sealed class HalfSentForm : HttpContent
    {
        private readonly TaskCompletionSource _firstHalfSent = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _sendRest = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly string _first;
        private readonly string _rest;

        public HalfSentForm(string first, string rest)
        {
            (_first, _rest) = (first, rest);
            Headers.ContentType = new("application/x-www-form-urlencoded");
        }

        public Task FirstHalfSent => _firstHalfSent.Task;

        public void SendRest() => _sendRest.TrySetResult();

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(_first));
            await stream.FlushAsync();
            _firstHalfSent.TrySetResult();
            await _sendRest.Task;
            await stream.WriteAsync(Encoding.ASCII.GetBytes(_rest));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _first.Length + _rest.Length;
            return true;
        }
    }
}
