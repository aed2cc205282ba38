// Registers every element of @coworking-commons/elements (the provider first, so that the
// elements inside it find it at once). Safe to load twice: a tag already defined is left alone.
import './space/define.ts';
import './sign-in/define.ts';
import './my-bookings/define.ts';
import './booking/define.ts';
import './event-calendar/define.ts';
import './member-card/define.ts';
import './member-directory/define.ts';
