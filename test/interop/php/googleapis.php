<?php
// The raw wire check of test/errors/php-errors.test.ts, in PHP with googleapis' own google.rpc classes
// (protoc --php_out of google/rpc/status.proto and error_details.proto, on Debian's google/protobuf
// runtime): argv[1] the generated errors, argv[2] the googleapis classes. Decodes what the generated
// code sends, and sends a status built with those classes to the generated registry.
declare(strict_types=1);

[, $errors, $googleapis] = $argv;
spl_autoload_register(static function (string $class) use ($errors, $googleapis): void {
    $path = str_replace('\\', '/', $class) . '.php';
    foreach ([$errors, $googleapis, '/usr/share/php'] as $root) {
        if (is_file("$root/$path")) {
            require "$root/$path";
            return;
        }
    }
});

use Acme\Users\V1\DirectoryUnavailableException;
use Acme\Users\V1\UsersErrors;
use Google\Protobuf\Any;
use Google\Protobuf\Duration;
use Google\Rpc\ErrorInfo;
use Google\Rpc\RetryInfo;
use Google\Rpc\Status;

// What the generated code sends, read with the standard types.
$status = new Status();
$status->mergeFromString((new DirectoryUnavailableException('eu'))->toStatusBytes());
$details = iterator_to_array($status->getDetails());
$info = new ErrorInfo();
$info->mergeFromString($details[0]->getValue());
$retry = new RetryInfo();
$retry->mergeFromString($details[1]->getValue());
echo json_encode([
    'code' => $status->getCode(),
    'message' => $status->getMessage(),
    'types' => array_map(static fn (Any $any) => $any->getTypeUrl(), $details),
    'reason' => $info->getReason(),
    'domain' => $info->getDomain(),
    'metadata' => iterator_to_array($info->getMetadata()),
    'retryMs' => $retry->getRetryDelay()->getSeconds() * 1000 + intdiv($retry->getRetryDelay()->getNanos(), 1000000),
], JSON_UNESCAPED_SLASHES), "\n";

// A status built with the standard types, received by the generated registry.
$sent = new Status();
$sent->setCode(14);
$sent->setMessage('directory down');
$infoAny = new Any();
$infoAny->setTypeUrl('type.googleapis.com/google.rpc.ErrorInfo');
$infoAny->setValue((new ErrorInfo())->setReason('DIRECTORY_UNAVAILABLE')->setDomain('users.acme.example')->setMetadata(['region' => 'us'])->serializeToString());
$retryAny = new Any();
$retryAny->setTypeUrl('type.googleapis.com/google.rpc.RetryInfo');
$retryAny->setValue((new RetryInfo())->setRetryDelay((new Duration())->setSeconds(2)->setNanos(250000000))->serializeToString());
$sent->setDetails([$infoAny, $retryAny]);
$typed = UsersErrors::fromStatus((object) ['code' => 14, 'details' => 'directory down', 'metadata' => ['grpc-status-details-bin' => [$sent->serializeToString()]]]);
echo json_encode([
    'class' => $typed === null ? null : get_class($typed),
    'message' => $typed?->getMessage(),
    'region' => $typed instanceof DirectoryUnavailableException ? $typed->getRegion() : null,
    'retryMs' => $typed?->getRetryDelayMs(),
]), "\n";
