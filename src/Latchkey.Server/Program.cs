using Latchkey.Server;
using Latchkey.Server.Admin;

// Configuration arguments (--Latchkey:Key=value, --urls=…) go to the host; the rest is the command line.
var configArgs = args.Where(CommandLine.IsConfigurationArgument).ToArray();
var commandArgs = args.Where(a => !CommandLine.IsConfigurationArgument(a)).ToList();

var app = LatchkeyHost.Build(configArgs);
try
{
    // `latchkey migrate` runs before anything reads the schema it brings up to date.
    if (commandArgs is ["migrate"])
    {
        await LatchkeyHost.MigrateAsync(app, Console.Out, CancellationToken.None);
        return 0;
    }
    var import = CommandLine.TakeOption(commandArgs, "--import");
    // `latchkey import FILE` imports before the first-start demo realm is considered, as --import does.
    if (commandArgs is ["import", var file])
    {
        await LatchkeyHost.InitializeAsync(app, file, Console.Out, CancellationToken.None);
        return 0;
    }
    await LatchkeyHost.InitializeAsync(app, import, Console.Out, CancellationToken.None);
    if (commandArgs.Count > 0) return await new CommandLine(app.Services, Console.Out).RunAsync(commandArgs);
    await app.RunAsync();
    return 0;
}
catch (AdminException e)
{
    Console.Error.WriteLine($"latchkey: {e.Message}");
    return 2;
}
