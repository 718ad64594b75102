; Inno Setup 6 script: BP Studio's Windows installer, over the PyInstaller folder.
; UNTESTED ON WINDOWS (see packaging/README.md). Built by packaging/windows/build.ps1, which runs
;     ISCC.exe /DAppVersion=<version from bpstudio/__init__.py> packaging\windows\bpstudio.iss
; after PyInstaller has produced packaging\dist\bpstudio\ (bpstudio.exe, bpstudio-cli.exe,
; _internal\) and packaging\render_icons.py has written packaging\build\icons\bpstudio.ico.
; Output: packaging\dist\bpstudio-<version>-setup.exe

#ifndef AppVersion
  #error Pass the version: ISCC.exe /DAppVersion=0.1.0 packaging\windows\bpstudio.iss
#endif
#define AppName "BP Studio"
#define AppExe "bpstudio.exe"
#define ProgId "BPStudio.Network"
#define Bundle "..\dist\bpstudio"

[Setup]
; The AppId identifies the installation for upgrades and the uninstaller: never change it.
AppId={{2B1B7F9F-CF0B-479C-9F25-93B71F554C42}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=BP Studio developers
AppCopyright=MIT licence, BP Studio developers
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
LicenseFile=..\..\LICENSE
OutputDir=..\dist
OutputBaseFilename=bpstudio-{#AppVersion}-setup
SetupIconFile=..\build\icons\bpstudio.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
; A school computer often has no administrator at hand: install for the current user by default,
; for everyone when the installer is run as administrator (the dialog lets the user choose).
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline dialog
; "x64" (not 6.3's "x64compatible") so that every Inno Setup 6 release compiles it.
ArchitecturesAllowed=x64
ArchitecturesInstallIn64BitMode=x64
MinVersion=10.0
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "openwith"; Description: "Offer BP Studio in ""Open with"" for .json network files"; GroupDescription: "File association:"

[Files]
; The whole PyInstaller folder, as built: the program, its console twin and _internal\.
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Learn backpropagation one phase at a time"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; Network files are JSON (*.json, recommended *.bpstudio.json). Windows associates by the last
; extension only, so making BP Studio the default for .json would take over every JSON file on
; the machine. Instead BP Studio registers a ProgID and adds itself to .json's "Open with" list
; (OpenWithProgids): double-clicking keeps opening JSON files as before, and "Open with >
; BP Studio" (or choosing it once as the default) opens a network. HKA is HKCU for a per-user
; install and HKLM for an all-users install. The uninstaller removes every key it created.
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "BP Studio network"; Flags: uninsdeletekey; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\.json\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".json"; ValueData: ""; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: openwith

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; The program writes nothing into its folder (settings live in the registry under
; HKCU\Software\BP Studio); remove the folder itself once the uninstaller has emptied it.
Type: dirifempty; Name: "{app}"
