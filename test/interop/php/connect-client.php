<?php
// A Connect client in plain PHP (test/errors/php-connect.test.ts): calls GetUser with JSON on
// argv[1] (the base URL) for each user id in argv[2..] and prints what the generated registry made
// of each error body, one JSON line per call.
declare(strict_types=1);

require __DIR__ . '/autoload.php';

use Acme\Users\V1\UserNotFoundException;
use Acme\Users\V1\UsersErrors;

foreach (array_slice($argv, 2) as $userId) {
    $context = stream_context_create(['http' => [
        'method' => 'POST',
        'header' => "Content-Type: application/json\r\nConnect-Protocol-Version: 1\r\n",
        'content' => json_encode(['userId' => $userId]),
        'ignore_errors' => true,
    ]]);
    $body = (string) file_get_contents($argv[1] . '/acme.users.v1.UserService/GetUser', false, $context);
    $http = (int) explode(' ', $http_response_header[0] ?? '')[1];
    $typed = UsersErrors::fromConnectError($body);
    echo json_encode([
        'http' => $http,
        'class' => $typed === null ? null : get_class($typed),
        'code' => $typed?->getCode(),
        'message' => $typed?->getMessage(),
        'params' => $typed === null ? null : (object) $typed->getParams(),
        'retryDelayMs' => $typed?->getRetryDelayMs(),
        'matches' => UserNotFoundException::matches(json_decode($body, true)),
    ], JSON_UNESCAPED_SLASHES), "\n";
}
