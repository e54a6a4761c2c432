namespace Mcu.Monitor.Web.Accounts;

/// <summary>What came of a login attempt. Unknown login and wrong password look the same to the person logging in.</summary>
public enum SignInOutcome
{
    Success,
    Invalid,
    Locked,
}
