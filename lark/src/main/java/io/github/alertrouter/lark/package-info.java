/** The Lark (Feishu) platform module. */
package io.github.alertrouter.lark;
