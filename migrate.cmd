@echo off
rem migrate.cmd <command> [options]: the bookstore's schema migration CLI on Windows, the equivalent of ./migrate
rem (see README.md, "Migrations"). Builds db-migrations and the modules it needs with mvnw.cmd, quietly and only when
rem a source or pom changed since the last build, then runs com.bookstore.db.migrations.cli.MigrateCli.
rem Needs only a JDK 17+ (java on the PATH or JAVA_HOME) and Windows PowerShell, which every Windows 10/11 has.
setlocal EnableExtensions
set "MIGRATE_ROOT=%~dp0"
if "%MIGRATE_ROOT:~-1%"=="\" set "MIGRATE_ROOT=%MIGRATE_ROOT:~0,-1%"
set "MIGRATE_TARGET=%MIGRATE_ROOT%\db-migrations\target"
set "MIGRATE_CP_FILE=%MIGRATE_TARGET%\migrate.classpath"
set "MIGRATE_ARGS=%MIGRATE_TARGET%\migrate.args"
set "MIGRATE_STAMP=%MIGRATE_TARGET%\migrate.stamp"

set "JAVA_EXE=java"
if defined JAVA_HOME set "JAVA_EXE=%JAVA_HOME%\bin\java.exe"

if not exist "%MIGRATE_STAMP%" goto build
if not exist "%MIGRATE_ARGS%" goto build
rem exit 1 when a pom.xml or a file under src\main is newer than the last build (.git and target are skipped)
powershell -NoProfile -ExecutionPolicy Bypass -Command "$stamp = (Get-Item -LiteralPath $env:MIGRATE_STAMP).LastWriteTimeUtc; $dirs = Get-ChildItem -LiteralPath $env:MIGRATE_ROOT -Directory | Where-Object { $_.Name -ne '.git' }; $files = @(Get-ChildItem -LiteralPath $env:MIGRATE_ROOT -File -Filter pom.xml) + @($dirs | Get-ChildItem -Recurse -File -ErrorAction SilentlyContinue | Where-Object { $_.Name -eq 'pom.xml' -or $_.FullName -like '*\src\main\*' }); if ($files | Where-Object { $_.LastWriteTimeUtc -gt $stamp } | Select-Object -First 1) { exit 1 } else { exit 0 }"
if errorlevel 1 goto build
goto run

:build
echo migrate: building db-migrations ^(sources changed^) ... 1>&2
if not exist "%MIGRATE_TARGET%" mkdir "%MIGRATE_TARGET%"
call "%MIGRATE_ROOT%\mvnw.cmd" -q -B -f "%MIGRATE_ROOT%\pom.xml" -pl db-migrations -am -DskipTests "-Dmdep.outputFile=%MIGRATE_CP_FILE%" -Dmdep.includeScope=runtime package dependency:build-classpath > "%MIGRATE_TARGET%\migrate-build.log" 2>&1
if errorlevel 1 goto buildfailed
rem the class path is longer than a cmd.exe command line may be: java reads it from an argument file
powershell -NoProfile -ExecutionPolicy Bypass -Command "$cp = (Get-Content -Raw -LiteralPath $env:MIGRATE_CP_FILE).Trim(); $all = ($env:MIGRATE_TARGET + '\classes;' + $cp).Replace('\', '/'); [System.IO.File]::WriteAllText($env:MIGRATE_ARGS, '-cp ' + [char]34 + $all + [char]34, [System.Text.Encoding]::Default); (Get-Date).ToString() | Set-Content -LiteralPath $env:MIGRATE_STAMP"
if errorlevel 1 goto buildfailed
goto run

:buildfailed
type "%MIGRATE_TARGET%\migrate-build.log" 1>&2
echo migrate: the build failed; see the output above. 1>&2
exit /b 2

:run
rem C1 only (as in ./migrate): a run executes most of its code once; MIGRATE_JAVA_OPTS, later, can turn C2 back on
"%JAVA_EXE%" -XX:TieredStopAtLevel=1 %MIGRATE_JAVA_OPTS% "-Dbookstore.root=%MIGRATE_ROOT%" "@%MIGRATE_ARGS%" com.bookstore.db.migrations.cli.MigrateCli %*
exit /b %ERRORLEVEL%
