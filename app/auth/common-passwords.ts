// Passwords of 10 or more characters that appear near the top of the public
// breach-frequency lists; shorter ones are refused by length already.
export const COMMON_PASSWORDS = new Set(
  `1234567890 0987654321 1q2w3e4r5t 1qaz2wsx3edc qwertyuiop qwertyuiop1 asdfghjkl1 zxcvbnm123 password12 password123
  password1234 passw0rd123 iloveyou12 iloveyou123 1234567891 12345678910 123456789a 123456789q a123456789 q123456789
  abcd123456 abc1234567 qwerty1234 qwerty12345 qwerty123456 1qaz2wsx3e 11111111111 aaaaaaaaaa 0000000000 1111111111
  5555555555 7777777777 9999999999 1234512345 1122334455 1212121212 123123123123 1234554321 9876543210 123qweasdzxc
  qweasdzxc123 zaq12wsxcde letmein123 welcome123 welcome1234 football123 baseball123 superman123 princess123
  sunshine123 sunflower1 starwars12 starwars123 dragon1234 monkey1234 shadow1234 master1234 michael123 jennifer123
  jordan2323 liverpool1 chelsea123 arsenal123 manchester charlie123 computer12 internet12 trustno1trustno1 whatever12
  changeme123 administrator admin12345 admin123456 adminadmin rootroot12 test123456 testtest12 password!1 passwordpassword
  iloveyouiloveyou mypassword mypassword1 secretpassword letmeinnow qwertyqwerty asdfasdfasdf 1q2w3e4r5t6y
  q1w2e3r4t5 q1w2e3r4t5y6 zxcvbnmasdfghjkl blink182blink football11 basketball basketball1 iloveyou!! 123456789123
  987654321a 0123456789 afterword1 afterword123`.split(/\s+/),
);
