<?php
// PSR-4 from the generated tree in $PROTOGOV_PHP_GEN (test/errors/php-connect.test.ts).
declare(strict_types=1);

spl_autoload_register(static function (string $class): void {
    $file = getenv('PROTOGOV_PHP_GEN') . '/' . str_replace('\\', '/', $class) . '.php';
    if (is_file($file)) {
        require $file;
    }
});
