<?php
// A Connect server for acme.users.v1.UserService/GetUser under `php -S` (test/errors/php-connect.test.ts):
// the JSON request's userId picks the generated error it answers with, as the Connect protocol sends it.
declare(strict_types=1);

require __DIR__ . '/autoload.php';

use Acme\Users\V1\AccountSuspendedException;
use Acme\Users\V1\DirectoryUnavailableException;
use Acme\Users\V1\UserNotFoundException;

if ($_SERVER['REQUEST_URI'] !== '/acme.users.v1.UserService/GetUser') {
    http_response_code(404);
    return;
}
$userId = (string) (json_decode((string) file_get_contents('php://input'), true)['userId'] ?? '');
$error = match ($userId) {
    'busy' => new DirectoryUnavailableException(region: 'eu-west-1'),
    'suspended' => new AccountSuspendedException(userId: $userId, suspendedUntil: '2030-01-01'),
    default => new UserNotFoundException(userId: $userId),
};
http_response_code($error->getConnectHttpStatus());
header('Content-Type: application/json');
echo json_encode($error->toConnectError(), JSON_UNESCAPED_SLASHES);
