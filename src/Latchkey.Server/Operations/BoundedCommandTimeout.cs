using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Latchkey.Server.Operations;

/// <summary>
/// Every database command gives up after the configured time, whatever the provider, so a locked or stalled
/// database turns into a 503 instead of a request that hangs. (Microsoft.Data.Sqlite retries a busy database until
/// the command timeout; Npgsql waits for the server that long.) A context given its own timeout with
/// Database.SetCommandTimeout keeps it: start-up work such as migrations may take longer than a request may.
/// </summary>
public sealed class BoundedCommandTimeout(int seconds) : DbCommandInterceptor
{
    public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
    {
        result.CommandTimeout = eventData.Context?.Database.GetCommandTimeout() ?? seconds;
        return result;
    }
}
