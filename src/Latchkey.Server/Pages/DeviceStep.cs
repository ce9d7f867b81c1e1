namespace Latchkey.Server.Pages;

/// <summary>What the device page shows.</summary>
public enum DeviceStep
{
    EnterCode,
    Confirm,
    Approved,
    Denied,
    UnknownRealm,
}
