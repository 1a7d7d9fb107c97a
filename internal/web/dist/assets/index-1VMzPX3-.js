import{W as m}from"./index-BlzE8Tfo.js";import{w as p,D as u}from"./vue-f4J36efi.js";const c=({from:e,replacement:a,scope:t,version:r,ref:s,type:i="API"},o)=>{p(()=>u(o),d=>{d&&m(t,`[${i}] ${e} is about to be deprecated in version ${r}, please use ${a} instead.
For more detail, please visit: ${s}
`)},{immediate:!0})};export{c as u};
