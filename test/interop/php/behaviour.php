<?php
// Runs the generated PHP errors for test/errors/php-errors.test.ts: argv[1] is the generated tree, argv[2] a JSON
// file of cases the test built with the TypeScript runtime; prints what PHP saw as JSON.
declare(strict_types=1);

$root = $argv[1];
spl_autoload_register(static function (string $class) use ($root): void {
    $file = $root . '/' . str_replace('\\', '/', $class) . '.php';
    if (is_file($file)) {
        require $file;
    }
});

function describe(?object $error): ?array
{
    return $error === null ? null : [
        'class' => get_class($error),
        'message' => $error->getMessage(),
        'code' => $error->getCode(),
        'params' => (object) $error->getParams(),
        'retryDelayMs' => $error->getRetryDelayMs(),
    ];
}

$input = json_decode((string) file_get_contents($argv[2]), true, 512, JSON_THROW_ON_ERROR);
$errors = [];
foreach ($input['errors'] as $case) {
    $class = $case['class'];
    $registry = $case['registry'];
    $tsBytes = base64_decode($case['tsBytes'], true);
    $error = new $class(...$case['params']);
    $status = $error->toStatus();
    // grpc-php's client returns the status as an object: code, details (the message), metadata.
    $received = (object) $status;
    $errors[] = [
        'class' => $class,
        'message' => $error->getMessage(),
        'code' => $error->getCode(),
        'domain' => $error->getDomain(),
        'reason' => $error->getReason(),
        'number' => $error->getNumber(),
        'httpStatus' => $error->getHttpStatus(),
        'params' => (object) $error->getParams(),
        'getters' => (object) array_combine($class::PARAM_KEYS, array_map(static fn (string $key) => $error->{'get' . ucfirst($key)}(), $class::PARAM_KEYS)),
        'retryDelayMs' => $error->getRetryDelayMs(),
        'status' => ['code' => $status['code'], 'details' => $status['details'], 'keys' => array_keys($status['metadata'])],
        'bytes' => base64_encode($error->toStatusBytes()),
        'back' => describe($registry::fromStatus($received)),
        'fromTs' => describe($registry::fromStatusBytes($tsBytes)),
        'matches' => $class::matches($received) && $class::matches($error) && $class::matches(['metadata' => ['grpc-status-details-bin' => [$tsBytes]]]),
        'sameInstance' => $registry::fromRpcError($error) === $error,
        'otherRegistry' => $case['otherRegistry']::fromStatus($received) === null && $case['otherRegistry']::fromRpcError($error) === null,
    ];
}
$registry = $input['registry'];
$received = [];
foreach ($input['received'] as $name => $bytes) {
    $received[$name] = describe($registry::fromStatusBytes(base64_decode($bytes, true)));
}
$received['plain status'] = describe($registry::fromStatus((object) ['code' => 5, 'details' => 'no such user', 'metadata' => []]));
$received['no status'] = describe($registry::fromRpcError(new RuntimeException('boom')));
// Connect error bodies that are not governed, or not error bodies at all.
$received['connect: not JSON'] = describe($registry::fromConnectError('<html>bad gateway</html>'));
$received['connect: unknown code name'] = describe($registry::fromConnectError(['code' => 'teapot', 'details' => []]));
$received['connect: details not a list'] = describe($registry::fromConnectError(['code' => 'not_found', 'details' => 'x']));
$received['connect: value not base64'] = describe($registry::fromConnectError(['code' => 'not_found', 'details' => [['type' => 'google.rpc.ErrorInfo', 'value' => '%%%'], 5]]));
echo json_encode(['errors' => $errors, 'received' => $received], JSON_THROW_ON_ERROR | JSON_UNESCAPED_SLASHES), "\n";
