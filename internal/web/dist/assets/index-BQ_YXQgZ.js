<<<<<<<< HEAD:internal/web/dist/assets/index-BQ_YXQgZ.js
import{a1 as m}from"./index-DQnoVuL9.js";import{w as p,D as u}from"./vue-BwhYkfKI.js";const c=({from:e,replacement:a,scope:t,version:r,ref:s,type:i="API"},o)=>{p(()=>u(o),d=>{d&&m(t,`[${i}] ${e} is about to be deprecated in version ${r}, please use ${a} instead.
========
import{a1 as m}from"./index-CYW2tBf2.js";import{w as p,D as u}from"./vue-Gkn99IW2.js";const c=({from:e,replacement:a,scope:t,version:r,ref:s,type:i="API"},o)=>{p(()=>u(o),d=>{d&&m(t,`[${i}] ${e} is about to be deprecated in version ${r}, please use ${a} instead.
>>>>>>>> perm13:internal/web/dist/assets/index-CkKKwMia.js
For more detail, please visit: ${s}
`)},{immediate:!0})};export{c as u};
