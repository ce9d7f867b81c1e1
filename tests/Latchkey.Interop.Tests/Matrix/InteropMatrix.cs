using System.Collections.Concurrent;
using System.Text;

namespace Latchkey.Interop.Tests.Matrix;

/// <summary>
/// Client × flow → outcome, filled in by the interop tests as they run and written out by
/// <see cref="InteropMatrixReport"/>, which runs last. A cell nobody recorded says "not run".
/// </summary>
public static class InteropMatrix
{
    public static readonly string[] Clients = [StockClient.IdentityModel, StockClient.OidcClient, StockClient.OpenIdClient, StockClient.OAuth4WebApi];

    /// <summary>Every row, in order, with the cells each client is expected to fill. Flows a client does not offer stay "—".</summary>
    public static readonly (string Flow, string[] Clients)[] Rows =
    [
        (Flow.Discovery, [StockClient.IdentityModel, StockClient.OpenIdClient, StockClient.OAuth4WebApi]),
        (Flow.CodePkce, [StockClient.OidcClient, StockClient.OpenIdClient, StockClient.OAuth4WebApi]),
        (Flow.ErrorResponse, [StockClient.OAuth4WebApi]),
        (Flow.Hybrid, [StockClient.OpenIdClient]),
        (Flow.Implicit, [StockClient.OpenIdClient]),
        (Flow.Refresh, [StockClient.IdentityModel, StockClient.OidcClient, StockClient.OpenIdClient]),
        (Flow.ClientCredentials, [StockClient.IdentityModel, StockClient.OpenIdClient]),
        (Flow.PrivateKeyJwt, [StockClient.IdentityModel, StockClient.OpenIdClient]),
        (Flow.ClientSecretJwt, [StockClient.IdentityModel, StockClient.OpenIdClient]),
        (Flow.Password, [StockClient.IdentityModel]),
        (Flow.TokenExchange, [StockClient.IdentityModel]),
        (Flow.UserInfo, [StockClient.IdentityModel, StockClient.OidcClient, StockClient.OpenIdClient]),
        (Flow.Introspection, [StockClient.IdentityModel, StockClient.OpenIdClient]),
        (Flow.IntrospectionJwt, [StockClient.IdentityModel]),
        (Flow.Revocation, [StockClient.IdentityModel, StockClient.OpenIdClient]),
        (Flow.Logout, [StockClient.OidcClient, StockClient.OpenIdClient]),
        (Flow.JwtAccessToken, [StockClient.OAuth4WebApi]),
        (Flow.Device, [StockClient.IdentityModel, StockClient.OpenIdClient]),
        (Flow.Ciba, [StockClient.OpenIdClient]),
    ];

    private static readonly ConcurrentDictionary<(string Client, string Flow), Cell> Cells = new();

    /// <summary>Runs one cell's test body, records pass or fail, and rethrows a failure so xunit reports it too.</summary>
    public static async Task RunAsync(string client, string flow, Func<Task> body)
    {
        if (!Rows.Any(r => r.Flow == flow && r.Clients.Contains(client)))
            throw new InvalidOperationException($"No matrix cell for {client} × {flow}: add it to InteropMatrix.Rows.");
        try
        {
            await body();
            Cells[(client, flow)] = new Cell("pass", null);
        }
        catch (Exception e)
        {
            Cells[(client, flow)] = new Cell("FAIL", FirstLine(e.Message));
            throw;
        }
    }

    public static string Render()
    {
        var md = new StringBuilder();
        md.AppendLine("| flow | " + string.Join(" | ", Clients) + " |");
        md.AppendLine("| --- |" + string.Concat(Enumerable.Repeat(" --- |", Clients.Length)));
        var failures = new List<string>();
        foreach (var (flow, expected) in Rows)
        {
            var cells = Clients.Select(client =>
            {
                if (!expected.Contains(client)) return "—";
                if (!Cells.TryGetValue((client, flow), out var cell)) return "not run";
                if (cell.Detail is not null) failures.Add($"- {client} × {flow}: {cell.Detail}");
                return cell.Outcome;
            });
            md.AppendLine($"| {flow} | " + string.Join(" | ", cells) + " |");
        }
        if (failures.Count > 0)
        {
            md.AppendLine().AppendLine("Failures:").AppendLine();
            foreach (var failure in failures) md.AppendLine(failure);
        }
        return md.ToString();
    }

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length > 200 ? line[..200] + "…" : line;
    }

    private sealed record Cell(string Outcome, string? Detail);
}
