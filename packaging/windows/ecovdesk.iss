; Inno Setup 6 script: a per-user installer for the folder packaging/build.py makes.
;
;   python packaging\build.py
;   iscc /DAppVersion=0.1.0 packaging\windows\ecovdesk.iss
;
; The installer lands in packaging\dist\ecovdesk-VERSION-windows-x64-setup.exe. It needs no
; administrator rights: the app goes to %LOCALAPPDATA%\Programs\ecovdesk, with a Start menu
; entry, an optional desktop shortcut and an uninstaller listed in Apps & features.
; Uninstalling keeps the profile (%LOCALAPPDATA%\ecovdesk) and the key in Credential Manager.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef SourceDir
  #define SourceDir AddBackslash(SourcePath) + "..\dist\ecovdesk"
#endif
#ifndef IconFile
  #define IconFile AddBackslash(SourcePath) + "..\build\ecovdesk\icons\ecovdesk.ico"
#endif
#ifndef OutputDir
  #define OutputDir AddBackslash(SourcePath) + "..\dist"
#endif

[Setup]
; Never change AppId: Windows recognises upgrades and the uninstaller by it.
AppId={{3040B2A2-648D-4211-A2BF-1FEAC2F02699}
AppName=ecovdesk
AppVersion={#AppVersion}
AppVerName=ecovdesk {#AppVersion}
AppPublisher=ecovdesk developers
AppPublisherURL=https://api.ecovai.cn
VersionInfoVersion={#AppVersion}
PrivilegesRequired=lowest
DefaultDirName={autopf}\ecovdesk
DefaultGroupName=ecovdesk
DisableProgramGroupPage=yes
DisableDirPage=auto
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename=ecovdesk-{#AppVersion}-windows-x64-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\ecovdesk.exe
UninstallDisplayName=ecovdesk
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; An open ecovdesk holds its DLLs; ask to close it instead of failing halfway.
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
; Inno Setup ships the Simplified Chinese wizard text only in recent releases.
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "zh_CN"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; Files of an older version that the new one no longer has would otherwise stay behind and
; could be loaded in place of the new ones.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\ecovdesk"; Filename: "{app}\ecovdesk.exe"
Name: "{autodesktop}\ecovdesk"; Filename: "{app}\ecovdesk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\ecovdesk.exe"; Description: "{cm:LaunchProgram,ecovdesk}"; Flags: nowait postinstall skipifsilent
