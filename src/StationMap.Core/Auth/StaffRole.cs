namespace StationMap.Auth;

/// <summary>Ordered: each role can do everything the roles before it can.</summary>
public enum StaffRole { Viewer, Editor, Publisher, Admin }
